/**
 * The HyperLab sidebar's script: the lecture's four families of hyperparameters, each with the Keras
 * argument that sets it and Keras' default, and a button into the training panel.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import { assertNever } from '../../src/shared/protocol/guards';
import { type HostToSidebar, type SidebarGroup, type SidebarSnapshot, type SidebarStrings, type SidebarToHost, isHostToSidebar } from '../../src/shared/protocol/webviewProtocol';
import { el, render } from '../common/dom';
import { connect } from '../common/vscodeApi';

const channel = connect<SidebarToHost, HostToSidebar>(isHostToSidebar);

function groupSection(group: SidebarGroup, strings: SidebarStrings): HTMLElement {
  const rows = group.items.map((item) =>
    el(
      'li',
      { 'data-hyperparam': item.id },
      el('span', { class: 'hp-label' }, item.label),
      el('code', { class: 'hp-keras' }, item.keras),
      el('span', { class: 'hp-default' }, `${strings.kerasDefault}: ${item.kerasDefault ?? strings.noDefault}`),
    ),
  );
  return el('vscode-collapsible', { heading: group.label, open: true, 'data-group': group.id }, el('ul', { class: 'hp-list' }, ...rows));
}

function show(snapshot: SidebarSnapshot): void {
  const { strings, groups } = snapshot;
  const open = el('vscode-button', { id: 'open-panel' }, strings.openPanel);
  open.addEventListener('click', () => channel.post({ type: 'openTrainingPanel' }));
  render(document.getElementById('app') as HTMLElement, el('p', { class: 'intro' }, strings.intro), open, ...groups.map((g) => groupSection(g, strings)));
  document.body.dataset.state = 'ready';
}

channel.onMessage((message) => {
  switch (message.type) {
    case 'didLoadSnapshot':
      show(message.snapshot);
      return;
    default:
      assertNever(message.type);
  }
});
channel.post({ type: 'ready' });

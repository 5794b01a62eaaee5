/**
 * The sidebar's title bar: VS Code draws `navigation` entries as bare icons (the title only in a
 * tooltip), so every one of them is also in the view's "..." menu, where VS Code writes its title out.
 */
import * as assert from 'node:assert/strict';
import fs from 'node:fs';

interface Entry { command: string; when: string; group?: string }
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { contributes: { menus: { 'view/title': Entry[] }; commands: { command: string; title: string }[] } };
const entries = manifest.contributes.menus['view/title'].filter((e) => e.when === 'view == hyperlab.tuning');

describe('the sidebar\'s title bar', () => {
  it('lists every icon of the title bar again, with its text, in the view\'s "..." menu', () => {
    const icons = entries.filter((e) => e.group?.startsWith('navigation'));
    assert.ok(icons.length > 0);
    for (const icon of icons) {
      assert.ok(entries.some((e) => e.command === icon.command && !e.group?.startsWith('navigation')), `${icon.command} is only an icon`);
    }
  });

  it('names every entry with a title of its own', () => {
    for (const e of entries) assert.ok(manifest.contributes.commands.find((c) => c.command === e.command)?.title, e.command);
  });
});

/**
 * Optuna's JournalStorage over a journal file (optuna/storages/_journal/storage.py): every change is
 * a line appended under the file's lock, then the file is read back from where this reader stopped
 * and replayed, so ids come out as every other process replaying the same file computes them. One
 * instance per file and process. Concurrent operations share locked writes (journalFile.ts), reads
 * run one at a time, and each CREATE_TRIAL names its own creator, so every caller finds its trial
 * and hears about its own rejected operations. `studyBackend` gives a Study its StudyBackend.
 */
import type { Distribution } from '../distributions';
import { type FrozenTrial, type StudyDirection, TrialState, isFinished } from '../frozenTrial';
import type { StudyBackend } from '../study';
import { JournalFile, type JournalFileOptions } from './journalFile';
import { OpWriter } from './journalOps';
import { JournalReplay, type StudyRecord } from './journalReplay';

export class JournalStorage {
  readonly writer = new OpWriter();
  private readonly journal: JournalFile;
  private readonly replay: JournalReplay;
  private reading: Promise<void> = Promise.resolve();
  private readonly rejected = new Map<string, Error>();

  private constructor(readonly file: string, options: JournalFileOptions) {
    this.journal = new JournalFile(file, options);
    this.replay = new JournalReplay((id) => this.writer.owns(id));
  }

  /** Opens (creating when missing) a journal file and reads it. */
  static async open(file: string, options: JournalFileOptions = {}): Promise<JournalStorage> {
    const s = new JournalStorage(file, options);
    await s.journal.ensure();
    await s.sync();
    return s;
  }

  /** Lines skipped while replaying: unknown operations and corrupt lines. */
  get skippedLines(): number {
    return this.replay.skipped + this.journal.corruptLines;
  }

  /** Reads what was appended since the last read (by anyone) and applies it; one read at a time. */
  private queuedSync: Promise<void> | null = null;

  sync(): Promise<void> {
    // Calls made while a read waits to start share it (each write syncs: a burst of writes is one read).
    if (this.queuedSync) return this.queuedSync;
    const next = this.reading.then(async () => {
      this.queuedSync = null;
      const read = await this.journal.readNew();
      const raw = new Map(read.map((r) => [r.log, r.raw]));
      for (const { log, error } of this.replay.apply(read.map((r) => r.log))) this.rejected.set(raw.get(log)!, error);
    });
    this.queuedSync = next;
    this.reading = next.catch(() => undefined);
    return next;
  }

  /** Appends a line, reads back, and throws when the replay rejected it. */
  private async write(line: string): Promise<void> {
    await this.journal.append(line);
    await this.sync();
    const error = this.rejected.get(line);
    if (error) {
      this.rejected.delete(line);
      throw error;
    }
  }

  studies(): StudyRecord[] {
    return this.replay.allStudies();
  }

  study(name: string): StudyRecord | undefined {
    return this.replay.studyByName(name);
  }

  trials(studyId: number): FrozenTrial[] {
    return this.replay.trialsOf(studyId);
  }

  /** The study of this name, created with `direction` when missing; a study with another direction is an error. */
  async createOrLoadStudy(name: string, direction: StudyDirection): Promise<{ study: StudyRecord; created: boolean }> {
    await this.sync();
    let created = false;
    if (!this.study(name)) {
      // Another process may create it between our read and our write: the first CREATE_STUDY wins.
      await this.journal.append(this.writer.createStudy(name, direction));
      await this.sync();
      created = true;
    }
    const study = this.study(name)!;
    if (study.directions.length !== 1 || study.directions[0] !== direction) {
      throw new Error(`study '${name}' in ${this.file} ${study.directions[0] === 1 ? 'minimizes' : 'maximizes'}; this sweep would ${direction === 1 ? 'minimize' : 'maximize'} (use another study name or storage)`);
    }
    return { study, created };
  }

  setStudyUserAttr(studyId: number, key: string, value: unknown): Promise<void> {
    return this.write(this.writer.setStudyUserAttr(studyId, key, value));
  }

  /** A Study's backend for one study of this file. */
  studyBackend(studyId: number): StudyBackend {
    const record = this.replay.study(studyId);
    if (!record) throw new Error(`no study ${studyId} in ${this.file}`);
    return {
      studyName: record.name,
      direction: record.directions[0]!,
      trials: async () => { await this.sync(); return this.trials(studyId); },
      createTrial: async (userAttrs) => {
        const { line, creator } = this.writer.createTrial(studyId, userAttrs);
        await this.write(line);
        return this.replay.trial(this.replay.lastCreatedBy.get(creator)!)!;
      },
      setTrialParam: (id, name, internal, d: Distribution) => this.write(this.writer.setTrialParam(id, name, internal, d)),
      setTrialSystemAttr: (id, key, value) => this.write(this.writer.setTrialSystemAttr(id, key, value)),
      setTrialUserAttr: (id, key, value) => this.write(this.writer.setTrialUserAttr(id, key, value)),
      setTrialIntermediateValue: (id, step, value) => {
        if (!Number.isFinite(value)) return Promise.reject(new Error(`intermediate value ${value} at step ${step} is not finite: the trial must fail instead`));
        return this.write(this.writer.setTrialIntermediateValue(id, step, value));
      },
      setTrialStateValues: (id, state: TrialState, values) => {
        if (values?.some((v) => !Number.isFinite(v))) return Promise.reject(new Error(`trial value ${String(values)} is not finite: the trial must fail instead`));
        return this.write(this.writer.setTrialStateValues(id, state, values, isFinished(state)));
      },
    };
  }

  /** Marks RUNNING trials as FAIL with a reason (a crashed sweep's leftovers, on resume); returns how many. */
  async failTrials(trialIds: readonly number[], reason: string): Promise<number> {
    await this.sync();
    let n = 0;
    for (const id of trialIds) {
      const t = this.replay.trial(id);
      if (!t || t.state !== TrialState.RUNNING) continue;
      await this.write(this.writer.setTrialUserAttr(id, 'hyperlab_fail_reason', reason));
      await this.write(this.writer.setTrialStateValues(id, TrialState.FAIL, null, true));
      n++;
    }
    return n;
  }
}

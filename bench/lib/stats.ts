import { readdirSync, readFileSync } from 'node:fs';
/** Summary statistics for benchmark samples. */
export interface Summary {
  median: number;
  p95: number;
  count: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), count: sorted.length };
}

/** One row of a printed results table. */
export interface ResultRow {
  benchmark: string;
  unit: string;
  median: number;
  p95: number;
  /** Against the baseline measured in the same run; omitted for the baseline itself. */
  ratio?: number;
  target?: string;
}

const fmt = (n: number): string => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2)) : '-');

/** Renders rows as a fixed-width text table. */
export function table(title: string, rows: readonly ResultRow[]): string {
  const head = ['benchmark', 'unit', 'median', 'p95', 'ratio', 'target'];
  const body = rows.map((r) => [
    r.benchmark,
    r.unit,
    fmt(r.median),
    fmt(r.p95),
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
    r.target ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [`\n${title}`, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** User + system CPU ms a process has used so far, from /proc (Linux); `undefined` elsewhere or once it has exited. */
export function processCpuMs(pid: number | undefined): number | undefined {
  const fields = pid === undefined ? undefined : statFields(pid);
  return fields === undefined ? undefined : cpuMsOf(fields);
}

/**
 * User + system CPU ms so far of the threads of process `pid` named `name` (their /proc `comm`, at most 15
 * characters), from /proc (Linux); 0 when none runs.
 */
export function threadCpuMs(pid: number, name: string): number {
  let ms = 0;
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const tid of tids) {
    try {
      if (readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() !== name) continue;
    } catch {
      continue; // The thread ended meanwhile.
    }
    const fields = statFields(pid, tid);
    if (fields !== undefined) ms += cpuMsOf(fields);
  }
  return ms;
}

/** User + system CPU ms from the fields of a /proc stat file (clock ticks of 10 ms). */
function cpuMsOf(fields: readonly string[]): number {
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

/** The fields of /proc/<pid>/stat (or of one of its threads) after the command name, or undefined. */
function statFields(pid: number, tid?: string): string[] | undefined {
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * User + system CPU ms of the PostgreSQL server listening on `port` so far: its postmaster, the backends it has
 * reaped, and the ones still running (Linux, from /proc); `undefined` when no such server runs on this machine.
 */
export function postgresCpuMs(port: number): number | undefined {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return undefined;
  }
  const postmaster = pids.find((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return /(^|\/)postgres$/.test(args[0]) && args.includes('-p') && args[args.indexOf('-p') + 1] === String(port);
    } catch {
      return false;
    }
  });
  const own = postmaster === undefined ? undefined : statFields(postmaster);
  if (own === undefined) return undefined;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of pids) {
    const fields = statFields(pid);
    if (fields !== undefined && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * (1000 / 100);
}

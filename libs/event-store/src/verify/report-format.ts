import type { VerificationReport } from './verifier';

/** The report as a person reads it on a terminal. */
export function formatReport(report: VerificationReport): string {
  const lines = [
    `Checked ${report.eventsChecked} events in ${report.streamsChecked} streams against ${report.checkpointsChecked} signed checkpoints.`,
  ];
  if (report.ok) {
    lines.push('RESULT: intact — every hash matches and every checkpoint signature is valid.');
  } else {
    lines.push(`RESULT: TAMPERED — ${report.problems.length} problem(s):`);
    for (const p of report.problems) lines.push(`  [${p.kind}] ${p.message}`);
  }
  if (report.treeHeadsChecked > 0 || report.verifiedTreeSize > 0) {
    lines.push(
      report.verifiedTreeSize > 0
        ? `Signed tree heads: the first ${report.verifiedTreeSize} events match the newest signed head; ${report.treeHeadsChecked} head(s) in the database checked.`
        : `Signed tree heads: ${report.treeHeadsChecked} in the database; the log does not match them (see above).`,
    );
  }
  if (report.checkpointsChecked > 0 || report.eventsChecked > 0) {
    lines.push(
      report.lastCheckpointPosition > 0
        ? `Signed checkpoints cover the log up to position ${report.lastCheckpointPosition}; later events are protected by hash chains only.`
        : 'No valid signed checkpoint covers the log yet; events are protected by hash chains only.',
    );
  }
  return `${lines.join('\n')}\n`;
}

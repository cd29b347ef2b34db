import type { AppConfig } from '@cadreflow/config';
import { CheckpointSigner, resolveSigner, verifierTrust, type TrustedKeys } from '@cadreflow/event-store';

/** The API appends while receipts are required, and has no key to seal its appends with. */
export class MissingAppenderKeyError extends Error {
  constructor() {
    super(
      'The API appends to the log (registry imports and changes, dossier reads) and the checkpointer signs only sealed appends: give it CADREFLOW_APPENDER_KEY (an Ed25519 private key of its own) and list its public key in CADREFLOW_TRUSTED_APPENDER_KEYS of the workers and the API, or set CADREFLOW_REQUIRE_RECEIPTS=false.',
    );
    this.name = 'MissingAppenderKeyError';
  }
}

/** What the API process verifies with, and what it seals its own appends with. */
export interface ApiEvidence {
  trustedKeys: TrustedKeys;
  /** Seals the API's appends (undefined when receipts are not required and it has no key). */
  appender?: CheckpointSigner;
}

/**
 * The API in production holds the log's public key only, so it cannot sign tree heads; its appends (registry
 * imports above all) are sealed with an appender key of its own, which the workers' checkpointers and every
 * verifier trust for receipts (`CADREFLOW_TRUSTED_APPENDER_KEYS`). A deployment that gives the API the log's private
 * key instead (one process doing everything) seals with that.
 *
 * @throws MissingAppenderKeyError when receipts are required and the API has no key to seal with
 */
export async function apiEvidence(config: AppConfig): Promise<ApiEvidence> {
  const logKeyPem = config.checkpointPublicKeyPem
    ? config.checkpointPublicKeyPem
    : (await resolveSigner(config.signingKeyPem, config.dataDir)).publicKeyPem();
  const trustedKeys = verifierTrust([logKeyPem], config.evidence);
  const appenderPem = config.evidence.appenderKeyPem ?? config.signingKeyPem;
  if (appenderPem) return { trustedKeys, appender: CheckpointSigner.fromPem(appenderPem) };
  if (config.evidence.requireReceipts) throw new MissingAppenderKeyError();
  return { trustedKeys };
}

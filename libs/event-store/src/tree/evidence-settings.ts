import { createPublicKey } from 'node:crypto';
import type { TreeHeadAnchors } from '../checkpoints/checkpointer';
import { TrustedKeys } from '../checkpoints/signing-key';
import { AnchorFile } from './anchor-file';
import { WitnessClient } from './witness-client';

/** A deployment's tamper-evidence settings (the shape of `@cadreflow/config`'s `EvidenceConfig`). */
export interface EvidenceSettings {
  witnessUrls: string[];
  witnessPublicKeyPems: string[];
  anchorFile?: string;
  headStore?: string;
  requireReceipts: boolean;
  trustedAppenderKeyPems: string[];
}

/** Where a worker's checkpointer sends each head besides the database, and which appends it signs. */
export function checkpointAnchors(settings: EvidenceSettings): TreeHeadAnchors {
  return {
    witnesses: settings.witnessUrls.map((url) => new WitnessClient(url)),
    ...(settings.anchorFile ? { anchor: new AnchorFile(settings.anchorFile) } : {}),
    requireReceipts: settings.requireReceipts,
    appenderKeys: settings.trustedAppenderKeyPems.map((pem) => createPublicKey(pem)),
  };
}

/**
 * What a verifier in this deployment trusts: the log's public keys, the pinned witness keys, the anchor file, its
 * own store of heads, and the appenders' keys (for receipts only).
 */
export function verifierTrust(logPublicKeyPems: string[], settings: EvidenceSettings): TrustedKeys {
  return new TrustedKeys(
    logPublicKeyPems.map((pem) => createPublicKey(pem)),
    {
      witnessKeys: settings.witnessPublicKeyPems.map((pem) => createPublicKey(pem)),
      appenderKeys: settings.trustedAppenderKeyPems.map((pem) => createPublicKey(pem)),
      ...(settings.anchorFile ? { anchorFiles: [settings.anchorFile] } : {}),
      ...(settings.headStore ? { headStore: settings.headStore } : {}),
    },
  );
}

/**
 * The one place that reads `process.env`. Everything else receives a validated {@link AppConfig}.
 *
 * Every bad variable is collected before failing, so a person fixing a deployment sees the whole list at once.
 */
import { readFileSync } from 'node:fs';

/** Where PostgreSQL comes from: a URL given by the operator, or a server started by cadreflow itself. */
export type DatabaseConfig = { kind: 'external'; url: string } | { kind: 'embedded' };

/** Where Temporal comes from: a real cluster, or the embedded Temporal-compatible server. */
export type TemporalConfig =
  | { kind: 'external'; address: string; namespace: string; tls: boolean }
  | { kind: 'embedded'; namespace: string; port: number };

/** The whole, validated configuration of a cadreflow process. */
export interface AppConfig {
  /** Folder for local state of the embedded default: database files, signing key. */
  dataDir: string;
  database: DatabaseConfig;
  temporal: TemporalConfig;
  /** Task queue the worker polls and the API starts procedures on. */
  taskQueue: string;
  /** Procedures a worker keeps in memory between their tasks; the Temporal SDK sizes it to the heap when absent. */
  maxCachedWorkflows?: number;
  /** HTTP port of the API and web UI. */
  port: number;
  /** Ed25519 private key (PKCS#8 PEM) that signs checkpoints; when absent the embedded default keeps one in `dataDir`. */
  signingKeyPem?: string;
  /** Public key(s) (PEM) that checkpoints are verified with, for processes that do not sign (the API, inspectors). */
  checkpointPublicKeyPem?: string;
  /** How tree heads are anchored outside the database and who vouches for appends (see {@link EvidenceConfig}). */
  evidence: EvidenceConfig;
  /** Secret for signing access tokens; when absent the embedded default keeps one in `dataDir`. */
  jwtSecret?: string;
  /** Make a signed checkpoint after this many new events. */
  checkpointEvery: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /**
   * Export OpenTelemetry traces: on when `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set
   * (and `OTEL_SDK_DISABLED` is not `true`); the exporter reads the other standard `OTEL_*` variables itself.
   */
  tracing: boolean;
  /** Port a worker serves the Temporal SDK's Prometheus metrics on; none when absent. */
  workerMetricsPort?: number;
  /** The API is not ready while an event waits longer than this to reach its read models (milliseconds). */
  healthMaxProjectionLagMs: number;
  /** Limits on a request body: bytes (`CADREFLOW_MAX_BODY_BYTES`) and JSON nesting (`CADREFLOW_MAX_JSON_DEPTH`). */
  http: { maxBodyBytes: number; maxJsonDepth: number };
  /**
   * Proxies in front of the API whose `X-Forwarded-For` it believes (`CADREFLOW_TRUST_PROXY_HOPS`, default 0): behind
   * one load balancer, 1, so that sign-in attempts are counted per client address rather than for the proxy's.
   */
  trustProxyHops: number;
  /** Sessions and sign-in: token lifetimes in seconds, and failed sign-ins before a lockout of that many seconds. */
  auth: {
    accessTokenSeconds: number;
    refreshTokenSeconds: number;
    loginMaxFailures: number;
    loginLockoutSeconds: number;
  };
}

/**
 * Tamper evidence in production: where the worker's checkpointer sends each signed tree head besides the database,
 * which appends it signs, and what the API's verify trusts (the inspector's pinned keys). `npm start` sets its own.
 */
export interface EvidenceConfig {
  /** Witnesses that must cosign every tree head (`CADREFLOW_WITNESS_URL`, comma-separated). */
  witnessUrls: string[];
  /**
   * Their public keys (PEM), whose cosignature verify requires on every head (`CADREFLOW_WITNESS_PUBLIC_KEY`, or the
   * file `CADREFLOW_WITNESS_PUBLIC_KEY_FILE` names, which a deployment writes when it creates the witness's key).
   */
  witnessPublicKeyPems: string[];
  /** The append-only file, outside the data folder, each signed head is added to (`CADREFLOW_ANCHOR_FILE`). */
  anchorFile?: string;
  /** The verifier's own store of heads it has seen, which verify extends (`CADREFLOW_HEAD_STORE`). */
  headStore?: string;
  /** Sign only events an append receipt vouches for (`CADREFLOW_REQUIRE_RECEIPTS`, default true). */
  requireReceipts: boolean;
  /**
   * Ed25519 private key (PKCS#8 PEM) a process that appends but does not sign heads (the API) seals its appends
   * with (`CADREFLOW_APPENDER_KEY`).
   */
  appenderKeyPem?: string;
  /** Public keys (PEM) of those appenders, whose receipts are trusted (`CADREFLOW_TRUSTED_APPENDER_KEYS`). */
  trustedAppenderKeyPems: string[];
}

/** The PEM blocks of one variable, which may hold several keys one after the other. */
function pemBlocks(value: string | undefined): string[] {
  return value?.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
}

/** Raised when one or more environment variables are missing or malformed. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/**
 * Reads and validates the configuration.
 *
 * @example
 * const config = loadConfig();              // from process.env
 * const test = loadConfig({ PORT: '0' });   // from an explicit map, e.g. in tests
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return false;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return false;
  };

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL (got "${databaseUrl}")`);
  }
  const temporalAddress = text('TEMPORAL_ADDRESS');
  if (temporalAddress !== undefined && !/^[^\s:/]+:\d{1,5}$/.test(temporalAddress)) {
    problems.push(`TEMPORAL_ADDRESS must be host:port, e.g. temporal:7233 (got "${temporalAddress}")`);
  }
  const namespace = text('TEMPORAL_NAMESPACE') ?? 'default';
  const tls = bool('TEMPORAL_TLS');
  const temporalPort = integer('CADREFLOW_TEMPORAL_PORT', 0, 0, 65535);
  const port = integer('PORT', 3000, 0, 65535);
  const maxCachedWorkflows =
    text('TEMPORAL_MAX_CACHED_WORKFLOWS') === undefined
      ? undefined
      : integer('TEMPORAL_MAX_CACHED_WORKFLOWS', 0, 2, 10_000_000);
  const checkpointEvery = integer('CADREFLOW_CHECKPOINT_EVERY', 1000, 1, 10_000_000);
  const healthMaxLagSeconds = integer('CADREFLOW_READY_MAX_LAG_SECONDS', 30, 1, 86_400);
  const logLevel = (text('LOG_LEVEL') ?? 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  /**
   * A key given in the variable itself or, with `<name>_FILE`, in the file that names (a volume or a secret the
   * deployment mounts, read when the process starts); setting both is refused.
   */
  const keyText = (name: string): string | undefined => {
    const file = text(`${name}_FILE`);
    if (file === undefined) return text(name);
    if (text(name) !== undefined) {
      problems.push(`set either ${name} or ${name}_FILE, not both`);
      return undefined;
    }
    try {
      const content = readFileSync(file, 'utf8').trim();
      if (content === '') problems.push(`${name}_FILE names an empty file (${file})`);
      return content === '' ? undefined : content;
    } catch (error) {
      problems.push(
        `${name}_FILE names a file that cannot be read (${file}: ${(error as NodeJS.ErrnoException).code})`,
      );
      return undefined;
    }
  };
  const signingKeyPem = keyText('CADREFLOW_SIGNING_KEY')?.replace(/\\n/g, '\n');
  if (signingKeyPem !== undefined && !signingKeyPem.includes('BEGIN PRIVATE KEY')) {
    problems.push(
      'CADREFLOW_SIGNING_KEY must be an Ed25519 private key in PKCS#8 PEM form ("-----BEGIN PRIVATE KEY-----")',
    );
  }
  const checkpointPublicKeyPem = keyText('CADREFLOW_CHECKPOINT_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  if (checkpointPublicKeyPem !== undefined && !checkpointPublicKeyPem.includes('BEGIN PUBLIC KEY')) {
    problems.push('CADREFLOW_CHECKPOINT_PUBLIC_KEY must be a public key in PEM form ("-----BEGIN PUBLIC KEY-----")');
  }
  const pems = (name: string, kind: 'PUBLIC' | 'PRIVATE'): string[] => {
    const raw = keyText(name)?.replace(/\\n/g, '\n');
    const blocks = pemBlocks(raw);
    if (raw !== undefined && (blocks.length === 0 || blocks.some((b) => !b.includes(`BEGIN ${kind} KEY`)))) {
      problems.push(
        `${name} must hold ${kind === 'PUBLIC' ? 'public keys' : 'a private key'} in PEM form ("-----BEGIN ${kind} KEY-----")`,
      );
    }
    return blocks;
  };
  const witnessUrls = (text('CADREFLOW_WITNESS_URL') ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  for (const url of witnessUrls) {
    if (!/^https?:\/\/[^\s]+$/.test(url)) problems.push(`CADREFLOW_WITNESS_URL must list http(s) URLs (got "${url}")`);
  }
  const witnessPublicKeyPems = pems('CADREFLOW_WITNESS_PUBLIC_KEY', 'PUBLIC');
  if (witnessUrls.length > 0 && witnessPublicKeyPems.length === 0) {
    problems.push(
      'CADREFLOW_WITNESS_PUBLIC_KEY (or CADREFLOW_WITNESS_PUBLIC_KEY_FILE) must pin the witness key when CADREFLOW_WITNESS_URL is set',
    );
  }
  const appenderKeys = pems('CADREFLOW_APPENDER_KEY', 'PRIVATE');
  if (appenderKeys.length > 1) problems.push('CADREFLOW_APPENDER_KEY must hold one private key');
  const requireReceipts = text('CADREFLOW_REQUIRE_RECEIPTS') === undefined ? true : bool('CADREFLOW_REQUIRE_RECEIPTS');
  const evidence: EvidenceConfig = {
    witnessUrls,
    witnessPublicKeyPems,
    anchorFile: text('CADREFLOW_ANCHOR_FILE'),
    headStore: text('CADREFLOW_HEAD_STORE'),
    requireReceipts,
    appenderKeyPem: appenderKeys[0],
    trustedAppenderKeyPems: pems('CADREFLOW_TRUSTED_APPENDER_KEYS', 'PUBLIC'),
  };
  const jwtSecret = text('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters long');

  const workerMetricsPort =
    text('CADREFLOW_WORKER_METRICS_PORT') === undefined
      ? undefined
      : integer('CADREFLOW_WORKER_METRICS_PORT', 0, 1, 65535);
  const otlpEndpoint = text('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? text('OTEL_EXPORTER_OTLP_ENDPOINT');
  const tracing = otlpEndpoint !== undefined && text('OTEL_SDK_DISABLED')?.toLowerCase() !== 'true';
  const http = {
    maxBodyBytes: integer('CADREFLOW_MAX_BODY_BYTES', 100 * 1024, 1024, 100 * 1024 * 1024),
    maxJsonDepth: integer('CADREFLOW_MAX_JSON_DEPTH', 16, 4, 256),
  };
  const trustProxyHops = integer('CADREFLOW_TRUST_PROXY_HOPS', 0, 0, 10);
  const auth = {
    accessTokenSeconds: integer('CADREFLOW_ACCESS_TOKEN_SECONDS', 15 * 60, 30, 24 * 60 * 60),
    refreshTokenSeconds: integer('CADREFLOW_REFRESH_TOKEN_SECONDS', 8 * 60 * 60, 60, 30 * 24 * 60 * 60),
    loginMaxFailures: integer('CADREFLOW_LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginLockoutSeconds: integer('CADREFLOW_LOGIN_LOCKOUT_SECONDS', 5 * 60, 1, 24 * 60 * 60),
  };

  if (problems.length > 0) throw new ConfigValidationError(problems);
  return {
    dataDir: text('CADREFLOW_DATA_DIR') ?? '.cadreflow',
    database: databaseUrl ? { kind: 'external', url: databaseUrl } : { kind: 'embedded' },
    temporal: temporalAddress
      ? { kind: 'external', address: temporalAddress, namespace, tls }
      : { kind: 'embedded', namespace, port: temporalPort },
    taskQueue: text('TEMPORAL_TASK_QUEUE') ?? 'cadreflow',
    maxCachedWorkflows,
    port,
    signingKeyPem,
    checkpointPublicKeyPem,
    evidence,
    jwtSecret,
    checkpointEvery,
    logLevel,
    tracing,
    workerMetricsPort,
    healthMaxProjectionLagMs: healthMaxLagSeconds * 1000,
    http,
    trustProxyHops,
    auth,
  };
}

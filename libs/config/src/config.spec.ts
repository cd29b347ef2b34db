import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database and Temporal server', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'embedded' });
    expect(config.temporal).toEqual({ kind: 'embedded', namespace: 'default', port: 0 });
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('.cadreflow');
    expect(config.maxCachedWorkflows).toBeUndefined();
  });

  it('reads the request limits and session settings, with defaults', () => {
    expect(loadConfig({}).http).toEqual({ maxBodyBytes: 102_400, maxJsonDepth: 16 });
    expect(loadConfig({}).auth).toEqual({
      accessTokenSeconds: 900,
      refreshTokenSeconds: 28_800,
      loginMaxFailures: 5,
      loginLockoutSeconds: 300,
    });
    const config = loadConfig({ CADREFLOW_MAX_BODY_BYTES: '2048', CADREFLOW_ACCESS_TOKEN_SECONDS: '60' });
    expect(config.http.maxBodyBytes).toBe(2048);
    expect(config.auth.accessTokenSeconds).toBe(60);
    expect(() => loadConfig({ CADREFLOW_MAX_JSON_DEPTH: '1' })).toThrow(
      /CADREFLOW_MAX_JSON_DEPTH must be a whole number/,
    );
  });

  it('believes no proxy’s X-Forwarded-For by default, and as many hops as it is told', () => {
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ CADREFLOW_TRUST_PROXY_HOPS: '1' }).trustProxyHops).toBe(1);
    expect(() => loadConfig({ CADREFLOW_TRUST_PROXY_HOPS: 'yes' })).toThrow(
      /CADREFLOW_TRUST_PROXY_HOPS must be a whole number from 0 to 10/,
    );
  });

  it('reads the size of a worker’s workflow cache, and refuses one the SDK cannot run', () => {
    expect(loadConfig({ TEMPORAL_MAX_CACHED_WORKFLOWS: '20000' }).maxCachedWorkflows).toBe(20_000);
    expect(() => loadConfig({ TEMPORAL_MAX_CACHED_WORKFLOWS: '1' })).toThrow(
      /TEMPORAL_MAX_CACHED_WORKFLOWS must be a whole number from 2 to 10000000 \(got "1"\)/,
    );
  });

  it('uses external services when their addresses are given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/cadreflow',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'congress',
      TEMPORAL_TLS: 'true',
    });
    expect(config.database).toEqual({ kind: 'external', url: 'postgres://u:p@db:5432/cadreflow' });
    expect(config.temporal).toEqual({ kind: 'external', address: 'temporal:7233', namespace: 'congress', tls: true });
  });

  it('lists every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', TEMPORAL_ADDRESS: 'nohost', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/PORT must be a whole number/);
    expect(problems.join('\n')).toMatch(/TEMPORAL_ADDRESS must be host:port/);
    expect(problems.join('\n')).toMatch(/JWT_SECRET/);
  });

  it('turns tracing on with an OTLP endpoint (unless the SDK is disabled) and reads the worker metrics port', () => {
    expect(loadConfig({}).tracing).toBe(false);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toBe(true);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).tracing).toBe(true);
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing,
    ).toBe(false);
    expect(loadConfig({}).workerMetricsPort).toBeUndefined();
    expect(loadConfig({ CADREFLOW_WORKER_METRICS_PORT: '9464' }).workerMetricsPort).toBe(9464);
    expect(() => loadConfig({ CADREFLOW_WORKER_METRICS_PORT: '0' })).toThrow(/CADREFLOW_WORKER_METRICS_PORT/);
  });

  describe('tamper evidence', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const otherPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

    it('requires receipts and anchors nothing by default', () => {
      expect(loadConfig({}).evidence).toEqual({
        witnessUrls: [],
        witnessPublicKeyPems: [],
        anchorFile: undefined,
        headStore: undefined,
        requireReceipts: true,
        appenderKeyPem: undefined,
        trustedAppenderKeyPems: [],
      });
    });

    it('reads witnesses, their pinned keys, the anchor file, the head store and the appenders’ keys', () => {
      const evidence = loadConfig({
        CADREFLOW_WITNESS_URL: 'http://witness-a:7400, https://witness-b.ubkt.example',
        CADREFLOW_WITNESS_PUBLIC_KEY: `${publicPem}${otherPem}`,
        CADREFLOW_ANCHOR_FILE: '/var/lib/cadreflow-anchor/tree-heads.log',
        CADREFLOW_HEAD_STORE: '/var/lib/ubkt/heads',
        CADREFLOW_REQUIRE_RECEIPTS: 'false',
        // One line, as many secret stores keep it.
        CADREFLOW_APPENDER_KEY: privatePem.replace(/\n/g, '\\n'),
        CADREFLOW_TRUSTED_APPENDER_KEYS: publicPem,
      }).evidence;
      expect(evidence.witnessUrls).toEqual(['http://witness-a:7400', 'https://witness-b.ubkt.example']);
      expect(evidence.witnessPublicKeyPems).toEqual([publicPem.trim(), otherPem.trim()]);
      expect(evidence.anchorFile).toBe('/var/lib/cadreflow-anchor/tree-heads.log');
      expect(evidence.headStore).toBe('/var/lib/ubkt/heads');
      expect(evidence.requireReceipts).toBe(false);
      expect(evidence.appenderKeyPem).toBe(privatePem.trim());
      expect(evidence.trustedAppenderKeyPems).toEqual([publicPem.trim()]);
    });

    describe('keys in files (`<name>_FILE`, as a deployment mounts them)', () => {
      let folder: string;
      beforeEach(() => {
        folder = mkdtempSync(join(tmpdir(), 'cadreflow-config-'));
      });
      afterEach(() => {
        rmSync(folder, { recursive: true, force: true });
      });

      it('pins the witness key from CADREFLOW_WITNESS_PUBLIC_KEY_FILE, as from the variable itself', () => {
        const file = join(folder, 'witness.pem');
        writeFileSync(file, publicPem);
        const fromFile = loadConfig({
          CADREFLOW_WITNESS_URL: 'http://witness:4105',
          CADREFLOW_WITNESS_PUBLIC_KEY_FILE: file,
        }).evidence;
        expect(fromFile.witnessPublicKeyPems).toEqual([publicPem.trim()]);
        const fromVariable = loadConfig({
          CADREFLOW_WITNESS_URL: 'http://witness:4105',
          CADREFLOW_WITNESS_PUBLIC_KEY: publicPem,
        }).evidence;
        expect(fromVariable.witnessPublicKeyPems).toEqual(fromFile.witnessPublicKeyPems);
      });

      it('reads the other keys from files too', () => {
        writeFileSync(join(folder, 'appender.pem'), privatePem);
        writeFileSync(join(folder, 'log.pem'), publicPem);
        const config = loadConfig({
          CADREFLOW_APPENDER_KEY_FILE: join(folder, 'appender.pem'),
          CADREFLOW_CHECKPOINT_PUBLIC_KEY_FILE: join(folder, 'log.pem'),
        });
        expect(config.evidence.appenderKeyPem).toBe(privatePem.trim());
        expect(config.checkpointPublicKeyPem).toBe(publicPem.trim());
      });

      it('refuses a missing or empty file, a file that holds no key, and a key given both ways', () => {
        writeFileSync(join(folder, 'empty.pem'), '\n');
        writeFileSync(join(folder, 'private.pem'), privatePem);
        let error: unknown;
        try {
          loadConfig({
            CADREFLOW_WITNESS_URL: 'http://witness:4105',
            CADREFLOW_WITNESS_PUBLIC_KEY_FILE: join(folder, 'missing.pem'),
            CADREFLOW_CHECKPOINT_PUBLIC_KEY_FILE: join(folder, 'empty.pem'),
            CADREFLOW_TRUSTED_APPENDER_KEYS_FILE: join(folder, 'private.pem'),
            CADREFLOW_APPENDER_KEY: privatePem,
            CADREFLOW_APPENDER_KEY_FILE: join(folder, 'private.pem'),
          });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ConfigValidationError);
        expect((error as ConfigValidationError).problems).toEqual([
          `CADREFLOW_CHECKPOINT_PUBLIC_KEY_FILE names an empty file (${join(folder, 'empty.pem')})`,
          `CADREFLOW_WITNESS_PUBLIC_KEY_FILE names a file that cannot be read (${join(folder, 'missing.pem')}: ENOENT)`,
          'CADREFLOW_WITNESS_PUBLIC_KEY (or CADREFLOW_WITNESS_PUBLIC_KEY_FILE) must pin the witness key when CADREFLOW_WITNESS_URL is set',
          'set either CADREFLOW_APPENDER_KEY or CADREFLOW_APPENDER_KEY_FILE, not both',
          'CADREFLOW_TRUSTED_APPENDER_KEYS must hold public keys in PEM form ("-----BEGIN PUBLIC KEY-----")',
        ]);
      });
    });

    it('lists every malformed tamper-evidence variable at once', () => {
      let error: unknown;
      try {
        loadConfig({
          CADREFLOW_WITNESS_URL: 'witness-a:7400',
          CADREFLOW_APPENDER_KEY: publicPem,
          CADREFLOW_TRUSTED_APPENDER_KEYS: 'not a key',
          CADREFLOW_REQUIRE_RECEIPTS: 'sometimes',
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as ConfigValidationError).problems).toEqual([
        'CADREFLOW_WITNESS_URL must list http(s) URLs (got "witness-a:7400")',
        'CADREFLOW_WITNESS_PUBLIC_KEY (or CADREFLOW_WITNESS_PUBLIC_KEY_FILE) must pin the witness key when CADREFLOW_WITNESS_URL is set',
        'CADREFLOW_APPENDER_KEY must hold a private key in PEM form ("-----BEGIN PRIVATE KEY-----")',
        'CADREFLOW_REQUIRE_RECEIPTS must be true or false (got "sometimes")',
        'CADREFLOW_TRUSTED_APPENDER_KEYS must hold public keys in PEM form ("-----BEGIN PUBLIC KEY-----")',
      ]);
    });
  });
});

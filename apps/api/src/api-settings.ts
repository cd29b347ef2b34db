import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from './common/request-guard.middleware';

/** Sessions and sign-in: token lifetimes, and the lockout after repeated failed sign-ins. */
export interface SessionSettings {
  /** Lifetime of an access token: short, as a stolen one works until it expires. */
  readonly accessTokenSeconds: number;
  /** Lifetime of a refresh token (each is used once and replaced). */
  readonly refreshTokenSeconds: number;
  /** Failed sign-ins of one username before it is locked; an address gets four times as many. */
  readonly loginMaxFailures: number;
  readonly loginLockoutSeconds: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  accessTokenSeconds: 15 * 60,
  refreshTokenSeconds: 8 * 60 * 60,
  loginMaxFailures: 5,
  loginLockoutSeconds: 5 * 60,
};

/** What the HTTP surface enforces; the defaults are the configuration's (`libs/config`). */
export interface ApiSecurity {
  readonly limits: RequestLimits;
  readonly session: SessionSettings;
  /**
   * Proxies in front whose `X-Forwarded-For` names the client (Express's `trust proxy` as a hop count); 0: the
   * connection's own address is the client's, and the header is ignored (a client could write anything in it).
   */
  readonly trustProxyHops?: number;
}

export const DEFAULT_API_SECURITY: ApiSecurity = { limits: DEFAULT_REQUEST_LIMITS, session: DEFAULT_SESSION_SETTINGS };

/** The security settings from the validated configuration. */
export function apiSecurityFrom(config: {
  http: RequestLimits;
  auth: SessionSettings;
  trustProxyHops?: number;
}): ApiSecurity {
  return { limits: { ...config.http }, session: { ...config.auth }, trustProxyHops: config.trustProxyHops ?? 0 };
}

/** What the API process needs to know; provided once at boot (a class, so it is its own DI token). */
export class ApiSettings {
  constructor(
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    readonly namespace: string,
    readonly taskQueue: string,
    readonly tls: boolean,
    readonly jwtSecret: string,
    /** Readiness fails when the oldest event not yet in the read models waits longer than this. */
    readonly maxProjectionLagMs = 30_000,
    readonly security: ApiSecurity = DEFAULT_API_SECURITY,
  ) {}
}

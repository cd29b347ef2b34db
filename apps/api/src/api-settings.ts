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
  ) {}
}

/**
 * Names looked up once for a response: gather every id first, then read them with {@link Names.of}; an id the
 * registry has no name for reads as itself, so nothing is ever blank.
 */
export class Names {
  constructor(private readonly byId: Readonly<Record<string, string>>) {}

  of(id: string): string {
    return this.byId[id] ?? id;
  }
}

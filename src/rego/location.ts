// Where a piece of Rego source sits: file, 1-based row and column.
export interface Location {
  readonly file: string;
  readonly row: number;
  readonly col: number;
}

export function formatLocation(loc: Location | undefined): string {
  return loc ? `${loc.file}:${loc.row}` : "";
}

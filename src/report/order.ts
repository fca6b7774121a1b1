// The order reports list findings in, within a severity: by code unit, which is the same in
// every locale and far cheaper than localeCompare over a hundred thousand findings.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Page numbers from a `?page=` query, for the paginated public lists.
export const PAGE_SIZE = 10;

/** The requested page (1 when absent), or null when it is not a positive integer. */
export function pageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== "string" || !/^[1-9][0-9]{0,5}$/.test(value)) return null;
  return Number(value);
}

export function pageCount(items: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(items / size));
}

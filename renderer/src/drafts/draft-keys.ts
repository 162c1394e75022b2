/** The keys drafts are stored under, for code that reads a draft without loading the forms' checks. */
export const draftKeys = { e2eFilters: 'e2eFilters' } as const;

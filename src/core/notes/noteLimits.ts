/** The note size limit: the setting `interviewNotes.maxNoteSizeMB`, within the bounds its schema declares. */
export const noteSizeLimitMB = { default: 2, minimum: 0.01, maximum: 64 } as const;

/**
 * The largest note read, in bytes. The setting is clamped here too: VS Code does not enforce a
 * schema's bounds, and a value from anywhere else (a profile, a policy) must not lift the limit.
 */
export function maxNoteBytes(settingValue: unknown): number {
  const megabytes = typeof settingValue === 'number' && Number.isFinite(settingValue) ? settingValue : noteSizeLimitMB.default;
  return Math.round(Math.min(noteSizeLimitMB.maximum, Math.max(noteSizeLimitMB.minimum, megabytes)) * 1024 * 1024);
}

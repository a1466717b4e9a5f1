/**
 * The vocabulary every layer shares, and so the lowest floor after {@code config}: {@code ApiException}
 * (a failure that becomes problem+json), its {@code FieldError}s, and {@code Page} (keyset paging).
 * It uses no other package of Spotter.
 */
package app.spotter.api;

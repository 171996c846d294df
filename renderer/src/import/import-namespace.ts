/**
 * Each importer words its steps in its own dictionary, under one namespace:
 * `catalogue.import.title`, `members.import.title`… The components here build
 * the keys as `${namespace}.title`, so a namespace missing one of the words
 * is a type error, not a raw key on screen.
 */
export type ImportNamespace = 'catalogue.import' | 'members.import' | 'producers.import';

/**
 * Permissions, shared types and the admin API's request schemas of the Mac
 * enrollment plugins.
 *
 * @packageDocumentation
 */
export * from './api';
export * from './catalog';
export * from './permissions';
export * from './portalTexts';
export * from './types';

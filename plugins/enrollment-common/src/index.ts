/**
 * Permissions and shared types of the Mac enrollment plugins.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './types';

/**
 * Backend plugin for user-initiated enrollment of Macs.
 *
 * @packageDocumentation
 */
export { enrollmentPlugin as default } from './plugin';

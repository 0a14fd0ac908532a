// The admin API's requests, one file per resource: the backend's routers
// parse with these schemas and the admin page's client sends their types.
export * from './agent';
export * from './computers';
export * from './deviceRules';
export * from './entityComputers';
export * from './events';
export * from './invitations';
export * from './portalAccounts';
export * from './profileSigning';
export * from './pushCertificate';
export { toQueryString } from './query';
export type { QueryValue } from './query';
export * from './settings';
export * from './sites';

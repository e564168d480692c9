export { leanClient, withoutCallLog } from './aws/clients.js';
export { DocumentTables } from './aws/document-tables.js';
export { createSignedInAccount, type PasswordAccount, signInWithPassword } from './aws/password-account.js';
export { checkShopEnvironment } from './config/domain/configured-shops.js';
export { resources } from './resources.js';

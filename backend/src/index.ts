export { leanClient, withoutCallLog } from './aws/clients.js';
export { DocumentTables } from './aws/document-tables.js';
export { createSignedInAccount, type PasswordAccount, signInWithPassword } from './aws/password-account.js';
export { resources } from './resources.js';

export { leanClient, withoutCallLog } from './aws/clients.js';
export { DocumentTables } from './aws/document-tables.js';
export { resources } from './resources.js';

export { DocumentTables } from './aws/document-tables.js';
export { resources } from './resources.js';

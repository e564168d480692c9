export { resources } from './resources.js';

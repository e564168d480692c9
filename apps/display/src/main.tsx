import '@coffee/app-shared/styles.css';
import './app/styles.css';
import { startApp } from '@coffee/app-shared';
import { App } from './app/app';

startApp(App);

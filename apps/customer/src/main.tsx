import '@coffee/app-shared/styles.css';
import './app/app.css';
import { startApp } from '@coffee/app-shared';
import { App } from './app/app';

startApp(App);

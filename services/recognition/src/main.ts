import './instrument';
import 'reflect-metadata';
import { runMain, startService } from '@lib/platform';
import { recognitionService, SERVICE_NAME } from './recognition.definition';

runMain(SERVICE_NAME, () => startService(recognitionService()));

import './instrument';
import 'reflect-metadata';
import { runMain, startService } from '@lib/platform';
import { credentialsService, SERVICE_NAME } from './credentials.definition';

runMain(SERVICE_NAME, () => startService(credentialsService()));

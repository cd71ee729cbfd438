import './instrument';
import 'reflect-metadata';
import { runMain, startService } from '@lib/platform';
import { enrolmentService, SERVICE_NAME } from './enrolment.definition';

runMain(SERVICE_NAME, () => startService(enrolmentService()));

import './instrument';
import 'reflect-metadata';
import { runMain, startService } from '@lib/platform';
import { assessmentService, SERVICE_NAME } from './assessment.definition';

runMain(SERVICE_NAME, () => startService(assessmentService()));

import './instrument';
import 'reflect-metadata';
import { runMain } from '@lib/platform';
import { startGateway } from './gateway';

runMain('gateway', () => startGateway());

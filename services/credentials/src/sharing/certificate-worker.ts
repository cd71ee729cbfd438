import '../uploads/lower-priority';
import { certificatePdf } from '@lib/vc';
import { serveTasks } from '../uploads/worker-tasks';

/* The worker thread that draws learners' certificate PDFs (see CertificateRenderer). */
serveTasks({ certificate: certificatePdf });

import './lower-priority';
import { readCertificateLogo } from '../branding/certificate-logo-reading';
import { readBatchFile, readBatchJson } from '../verification/batch-reading';
import { readPdfCredential } from './pdf-reading';
import { serveTasks } from './worker-tasks';

/*
 * The worker thread that reads uploads for verification (see UploadReader). pdf-lib writes a line to the console
 * for each damaged object it skips; a crafted PDF would flood the service's log, so the console is silenced here.
 */
console.log = console.warn = () => undefined;

serveTasks({
  pdfCredential: readPdfCredential,
  batchFile: readBatchFile,
  batchJson: readBatchJson,
  certificateLogo: readCertificateLogo,
});

import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { readableLogStream } from './readable-log';

/** pino-http's options with the destination LOG_FORMAT asks for: readable lines or JSON on stdout. */
export function withLogFormat(
  config: Pick<AppConfig, 'logFormat'>,
  options: Options,
): Options | [Options, DestinationStream] {
  return config.logFormat === 'pretty' ? [options, readableLogStream()] : options;
}

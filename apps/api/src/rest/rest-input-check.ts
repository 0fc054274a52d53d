import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { inputProblem } from '../common/input-check';
import { validationFailed } from '../common/errors';
import { RestExceptionFilter } from './rest-exception.filter';

/**
 * Express middleware for every REST route, right after the JSON body parser and before any route:
 * a body or query parameter holding a string PostgreSQL cannot store, or nested deeper than the
 * limit, is answered 400 VALIDATION_FAILED naming the field, so no handler ever sees it.
 */
export function restInputCheck(filter = new RestExceptionFilter()) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = inputProblem(req.query) ?? (req.body === undefined ? undefined : inputProblem(req.body));
    if (problem) filter.send(res, validationFailed([problem]));
    else next();
  };
}

/** The same check for route parameters (known only once a route matched), e.g. `customers/:id`. */
export class RouteParamsCheckPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    const problem = inputProblem(value, metadata.data ?? '');
    if (problem) throw validationFailed([problem]);
    return value;
  }
}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { PermissionsResolver } from './permissions.resolver';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';
import { LoginThrottle } from './login-throttle.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';

@Module({
  imports: [
    UsersModule,
    AuditModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    SessionsService,
    SessionsResolver,
    PermissionsResolver,
    LoginThrottle,
    RefreshTokensRepository,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class SessionsModule {}

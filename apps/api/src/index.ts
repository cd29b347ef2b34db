export { ApiModule, apiEntities, apiMigrations } from './api.module';
export { ApiSettings, apiSecurityFrom } from './api-settings';
export { createApiApp } from './bootstrap';
export { DEMO_PASSWORD, demoUsers, seedDemoUsers } from './auth/demo-users';

/**
 * Identity and access: login, sessions, lockout, passwords, users and roles, the security
 * policy, and each user's data scope.
 */
export { makeAuthService, type AuthService } from './auth.service.ts';
export { makeUsersService, type UsersService, type CreateUserInput } from './users.service.ts';
export { authRoutes } from './auth.routes.ts';
export { usersRoutes } from './users.routes.ts';
export { DEMO_PASSWORD, hashPassword } from './password.ts';
export { scopeRegions } from './scope.ts';
export { scopeCondition, type ScopeColumns } from './scope-sql.ts';

/**
 * Local users, for admins: {@code /api/v1/users} and the {@code /users} page (add a user, change role and tenants,
 * disable or enable, reset a password), over {@link io.tokenledger.web.security.UserAccounts}.
 */
package io.tokenledger.web.users;

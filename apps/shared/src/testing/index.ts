/**
 * Fakes of the services for the apps' component tests: no network, no Amplify.
 *
 * @packageDocumentation
 */
export {
  createFakeApi,
  type FakeApi,
  type FakeApiCall,
  type FakeRoute,
  ordersByState,
} from './fake-api';
export { createFakeAuth, FAKE_CODE, FAKE_MAX_WRONG_CODES, type FakeAuth } from './fake-auth';
export { createFakeRealtime, type FakeRealtime } from './fake-realtime';
export { ago, anOrder, MENU, NOW, orderMessage, SHOP, staffIdentity } from './fixtures';
export { renderStaffApp, STAFF_PASSWORD, signInAsStaff } from './render-staff-app';
export { renderWithServices, type TestServices } from './render-with-services';

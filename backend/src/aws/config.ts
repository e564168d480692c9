/**
 * The names of the backend's resources, as the runtime hands them to the functions in their
 * environment (see `resources.ts`, where each is declared).
 */
export const names = {
  shopsTable: () => required('SHOPS_TABLE'),
  codesTable: () => required('CODES_TABLE'),
  ordersTable: () => required('ORDERS_TABLE'),
  customersTable: () => required('CUSTOMERS_TABLE'),
  idempotencyTable: () => required('IDEMPOTENCY_TABLE'),
  eventBus: () => required('EVENT_BUS'),
  orderProcessor: () => required('ORDER_PROCESSOR_ARN'),
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`The environment variable ${name} is not set; it is declared in resources.ts`);
  return value;
}

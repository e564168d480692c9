import { type Order, OrderState } from '@coffee/backend/contracts';

const STEPS = [
  { label: 'Ordered', states: [OrderState.Pending, OrderState.Created] },
  { label: 'In the queue', states: [OrderState.Submitted] },
  { label: 'Being made', states: [OrderState.Making] },
  { label: 'Ready', states: [OrderState.Ready] },
] as const;

/** The steps of an open or ready order, the current one marked (`aria-current="step"`). */
export function OrderProgress({ state }: { state: Order['state'] }) {
  const current = STEPS.findIndex((step) => (step.states as readonly string[]).includes(state));
  if (current < 0) return null;
  return (
    <ol className="progress" aria-label="Progress">
      {STEPS.map((step, index) => (
        <li
          key={step.label}
          data-done={index < current || undefined}
          aria-current={index === current ? 'step' : undefined}
        >
          {step.label}
        </li>
      ))}
    </ol>
  );
}

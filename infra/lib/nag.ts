import { Aspects, CfnResource, type IAspect, Validations } from 'aws-cdk-lib';
import { rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** A cdk-nag finding accepted for a stated reason (the reason is the justification reviewers read). */
export interface Acknowledgment {
  /** The rule, e.g. `AwsSolutions-COG2`, or one finding of it, e.g. `AwsSolutions-IAM5[Resource::*]`. */
  id: string;
  reason: string;
}

/** A wildcard finding of AwsSolutions-IAM5: a resource (`arn:...:table/x/index/*`) or an action (`s3:GetObject*`). */
export interface WildcardFinding {
  resource?: string;
  action?: string;
}

/** Accepts cdk-nag findings on `scope` and everything under it. */
export function acknowledge(scope: IConstruct, ...acknowledgments: Acknowledgment[]): void {
  Validations.of(scope).acknowledge(...acknowledgments);
}

/**
 * Accepts the wildcard findings (AwsSolutions-IAM5: a resource or an action) under `scope` that `accept` names,
 * for `reason`. cdk-nag v3 matches a finding by its exact id (`Resource::<Table.Arn>/index/*`),
 * which holds logical ids known only once the template is resolved; so the findings are computed
 * with cdk-nag's own rule when the app is synthesized, and only those accepted are acknowledged.
 * Any other wildcard still fails synthesis.
 */
export function acknowledgeWildcards(
  scope: IConstruct,
  reason: string,
  accept: (finding: WildcardFinding) => boolean,
): void {
  Aspects.of(scope).add(new WildcardAcknowledger(reason, accept));
}

class WildcardAcknowledger implements IAspect {
  constructor(
    private readonly reason: string,
    private readonly accept: (finding: WildcardFinding) => boolean,
  ) {}

  visit(node: IConstruct): void {
    if (!(node instanceof CfnResource)) return;
    const findings = rules.iam.IAMNoWildcardPermissions(node);
    if (!Array.isArray(findings)) return;
    for (const finding of findings) {
      const resource = /^Resource::(.*)$/.exec(finding)?.[1];
      const action = /^Action::(.*)$/.exec(finding)?.[1];
      if (this.accept({ resource, action })) {
        acknowledge(node, { id: `AwsSolutions-IAM5[${finding}]`, reason: this.reason });
      }
    }
  }
}

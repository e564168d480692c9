import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

/** Props of {@link Monitoring}. */
export interface MonitoringProps {
  /** An address that receives every alarm (confirm the subscription mail); none by default. */
  alarmEmail?: string;
}

/** What an alarm watches: a metric that must stay below a threshold. */
export interface AlarmSpec {
  metric: cloudwatch.IMetric;
  /** Alarm when the metric reaches this value in one period; 1 by default. */
  threshold?: number;
  description: string;
}

/**
 * The stack's alarms and the topic they notify: each alarm fires when its metric reaches the
 * threshold within one five-minute period, and treats missing data as fine (no traffic is no fault).
 */
export class Monitoring extends Construct {
  /** Where every alarm notifies; subscribe to it (mail, chat) to hear about trouble. */
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: MonitoringProps = {}) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'AlarmTopic', { enforceSSL: true });
    acknowledge(this.topic, {
      id: 'AwsSolutions-SNS2',
      // CloudWatch cannot publish to a topic under the AWS-managed SNS key, and a customer key costs
      // $1/month for messages that carry only alarm names and states, no customer data.
      reason: 'Alarm notifications carry no customer data; CloudWatch cannot use the AWS-managed key.',
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
  }

  /** Adds an alarm on `spec.metric` notifying {@link topic}. */
  alarm(scope: Construct, id: string, spec: AlarmSpec): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric: spec.metric,
      threshold: spec.threshold ?? 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: spec.description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    return alarm;
  }
}

/** The period every alarm's metric is summed over. */
export const ALARM_PERIOD = Duration.minutes(5);

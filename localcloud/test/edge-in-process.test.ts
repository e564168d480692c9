import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createActiveTable, sdkConfig, useTestCloud } from './support/cloud.js';

const t = useTestCloud();
const REGION = 'eu-west-1';

/** The call over HTTP, signed for `REGION` as an SDK would sign it (the signature is not checked). */
async function overHttp(target: string, body: string) {
  const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const service = target.startsWith('DynamoDB') ? 'dynamodb' : 'events';
  const response = await fetch(t.cloud.edge.url, {
    method: 'POST',
    headers: {
      'x-amz-target': target,
      'content-type': target.startsWith('DynamoDB')
        ? 'application/x-amz-json-1.0'
        : 'application/x-amz-json-1.1',
      'x-amz-date': date,
      authorization: `AWS4-HMAC-SHA256 Credential=test/${date.slice(0, 8)}/${REGION}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`,
    },
    body,
  });
  return { status: response.status, body: JSON.parse(await response.text()) as unknown };
}

/** The same call made in the process, as the Step Functions engine's integrations make it. */
async function inProcess(target: string, body: string) {
  const answer = await t.cloud.edge.answer(target, body, REGION);
  return { status: answer.status, body: JSON.parse(answer.body) as unknown };
}

describe('a call made in the process', () => {
  it('is answered as the same call over HTTP: outputs, service errors, bad input and unknown targets', async () => {
    // Arrange
    const dynamodb = new DynamoDBClient(sdkConfig(t.cloud.endpoint));
    await createActiveTable(dynamodb, {
      TableName: 'in-process',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    dynamodb.destroy();
    const put = await inProcess(
      'DynamoDB_20120810.PutItem',
      JSON.stringify({ TableName: 'in-process', Item: { id: { S: 'o-1' }, state: { S: 'PENDING' } } }),
    );
    expect(put.status).toBe(200);
    const calls: Array<[target: string, body: string]> = [
      ['DynamoDB_20120810.GetItem', JSON.stringify({ TableName: 'in-process', Key: { id: { S: 'o-1' } } })],
      [
        'DynamoDB_20120810.UpdateItem',
        JSON.stringify({
          TableName: 'in-process',
          Key: { id: { S: 'o-1' } },
          UpdateExpression: 'SET #s = :made',
          ConditionExpression: '#s = :ready',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':made': { S: 'MADE' }, ':ready': { S: 'READY' } },
        }),
      ],
      ['DynamoDB_20120810.GetItem', JSON.stringify({ TableName: 'no-such-table', Key: { id: { S: 'x' } } })],
      ['DynamoDB_20120810.GetItem', '[1, 2]'],
      ['DynamoDB_20120810.DescribeTimeToLive', JSON.stringify({ TableName: 'in-process' })],
      ['AWSEvents.DescribeEventBus', JSON.stringify({ Name: 'default' })],
      ['AWSEvents.DescribeEventBus', JSON.stringify({ Name: 'no-such-bus' })],
      ['AWSEvents.DescribeEventBus', '{not json'],
      ['AWSEvents.NoSuchAction', '{}'],
      ['NoSuchService_2020.DoIt', '{}'],
    ];

    // Act
    const answers = [];
    for (const [target, body] of calls)
      answers.push({ target, http: await overHttp(target, body), inProcess: await inProcess(target, body) });

    // Assert
    const errorType = (answer: { status: number; body: unknown }) => [
      answer.status,
      (answer.body as { __type?: string }).__type,
    ];
    for (const { target, http, inProcess } of answers)
      expect(errorType(inProcess), target).toEqual(errorType(http));
    // Each message too, but the unknown target's, which over HTTP names the method and path.
    for (const { target, http, inProcess } of answers.slice(0, -1)) expect(inProcess, target).toEqual(http);
    expect(answers.map((answer) => answer.inProcess.status)).toEqual([
      200, 400, 400, 400, 200, 200, 400, 400, 400, 404,
    ]);
    expect(answers[0]?.inProcess.body).toEqual({ Item: { id: { S: 'o-1' }, state: { S: 'PENDING' } } });
    expect(answers[1]?.inProcess.body).toMatchObject({
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
    });
  });
});

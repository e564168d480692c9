export {
  DEFAULT_MQTT_PATH,
  IotBroker,
  type IotBrokerOptions,
  type IotLogger,
  type IotPublishOptions,
} from './iot-broker.js';
export type { MqttAuthorizer, MqttConnectRequest } from './mqtt-authorizer.js';
export {
  filterCovers,
  type IotPolicyDeclaration,
  policyAuthorizer,
  type TokenPrincipal,
} from './policy-authorizer.js';
export { MAX_PAYLOAD_BYTES } from './publish.js';
export {
  InvalidTopicError,
  MAX_TOPIC_BYTES,
  MAX_TOPIC_SLASHES,
  topicMatches,
  topicNameProblem,
} from './topic-name.js';

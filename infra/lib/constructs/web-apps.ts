import { existsSync } from 'node:fs';
import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deployment from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

/** One app: its built folder and the path it is served at. */
export interface WebApp {
  /** The path segment, e.g. `order` for `/order`. */
  path: string;
  /** The built bundle (`apps/<name>/dist`); a placeholder page is served while it does not exist. */
  distDir: string;
  title: string;
}

/** Props of {@link WebApps}. */
export interface WebAppsProps {
  apps: WebApp[];
  /** The HTTP API's domain, served at `/api/*`; no `/api` without one. */
  apiDomainName?: string;
  /**
   * The apps' runtime configuration, served at `/config.json`, given the site's own URL
   * (`https://<distribution>`). Deploy-time values (tokens) are fine.
   */
  runtimeConfig: (siteUrl: string) => Record<string, unknown>;
}

/** A CloudFront Function (viewer request) giving each single-page app its `index.html` for its client-side routes. */
function spaRewrite(apps: string[]): string {
  return `function handler(event) {
  var request = event.request;
  var apps = ${JSON.stringify(apps)};
  var uri = request.uri;
  var app = uri.split('/')[1];
  var last = uri.slice(uri.lastIndexOf('/') + 1);
  if (apps.indexOf(app) >= 0 && last.indexOf('.') < 0) request.uri = '/' + app + '/index.html';
  return request;
}`;
}

/**
 * CloudFront keeps the viewer's Host from API Gateway (which needs its own); the backend builds the
 * QR code's URL from X-Forwarded-Host, so the viewer's host travels in it.
 */
const FORWARD_HOST = `function handler(event) {
  var request = event.request;
  if (request.headers.host) request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  return request;
}`;

/** The page at `/`: links to the three apps, as the local web port's landing page has. */
function landingPage(apps: WebApp[]): string {
  const links = apps.map((app) => `<li><a href="/${app.path}/">${app.title}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Coffee shop</title></head><body><h1>Coffee shop</h1><ul>${links}</ul></body></html>`;
}

/** Served at an app's path while its bundle has not been built. */
function placeholderPage(app: WebApp): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${app.title}</title></head><body><p>The ${app.title} app was not built when this stack was deployed (no ${app.distDir}). Build it and deploy again.</p></body></html>`;
}

/**
 * The three apps on S3 behind CloudFront, one origin for everything a browser needs: `/order`,
 * `/barista` and `/display` from a private bucket (origin access control), `/api/*` to the HTTP
 * API uncached, `/config.json` generated at deploy time with the deployed endpoints, and `/` a
 * landing page. An app whose `dist` folder is missing at synthesis is deployed as a placeholder
 * page (and synthesis warns), so the stack deploys while the apps are still being written.
 */
export class WebApps extends Construct {
  /** The distribution serving everything. */
  readonly distribution: cloudfront.Distribution;
  /** `https://<distribution domain>`. */
  readonly url: string;
  /** The apps deployed as placeholders because their bundle was missing. */
  readonly placeholders: string[] = [];

  constructor(scope: Construct, id: string, props: WebAppsProps) {
    super(scope, id);
    const logs = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    acknowledge(logs, {
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket; logging it into itself would loop.',
    });
    const site = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      // Only built files live here; every deploy writes them again.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const appRewrite = new cloudfront.Function(this, 'AppRoutes', {
      code: cloudfront.FunctionCode.fromInline(spaRewrite(props.apps.map((app) => app.path))),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const forwardHost = new cloudfront.Function(this, 'ForwardHost', {
      code: cloudfront.FunctionCode.fromInline(FORWARD_HOST),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const apiBehaviors: Record<string, cloudfront.BehaviorOptions> = props.apiDomainName
      ? {
          '/api/*': {
            origin: new origins.HttpOrigin(props.apiDomainName, {
              protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
              originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            }),
            viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
            cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
            originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            functionAssociations: [
              { function: forwardHost, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
            ],
          },
        }
      : {};
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Coffee shop: apps, /config.json and /api',
      defaultRootObject: 'index.html',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [
          { function: appRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: apiBehaviors,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    for (const app of props.apps) {
      const built = existsSync(app.distDir);
      if (!built) {
        this.placeholders.push(app.path);
        Annotations.of(this).addWarningV2(
          `@coffee/infra:app-missing-${app.path}`,
          `${app.distDir} does not exist: /${app.path} is deployed as a placeholder page. Build the app and deploy again.`,
        );
      }
      new deployment.BucketDeployment(this, `Deploy${app.path}`, {
        sources: [
          built
            ? deployment.Source.asset(app.distDir)
            : deployment.Source.data('index.html', placeholderPage(app)),
        ],
        destinationBucket: site,
        destinationKeyPrefix: `${app.path}/`,
        distribution: this.distribution,
        distributionPaths: [`/${app.path}`, `/${app.path}/*`],
        memoryLimit: 512,
      });
    }
    new deployment.BucketDeployment(this, 'DeployConfig', {
      sources: [
        deployment.Source.jsonData('config.json', props.runtimeConfig(this.url)),
        deployment.Source.data('index.html', landingPage(props.apps)),
      ],
      destinationBucket: site,
      // The apps' folders are other deployments' to prune.
      prune: false,
      cacheControl: [deployment.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/config.json', '/index.html', '/'],
    });
    acknowledge(
      this.distribution,
      {
        id: 'AwsSolutions-CFR1',
        reason: 'A pop-up shop serves wherever its event is; no country is excluded.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'WAF costs $5/month plus $1 per rule: more than the shop at an event. The API throttles, verifies tokens, and the QR code caps orders.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses its default *.cloudfront.net certificate, for which CloudFront fixes the TLS policy; a custom domain with TLSv1.2_2021 is the upgrade path.',
      },
    );
  }
}

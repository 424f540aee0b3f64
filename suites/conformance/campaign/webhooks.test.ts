import { campaign } from './campaign.js';

campaign('Webhooks');

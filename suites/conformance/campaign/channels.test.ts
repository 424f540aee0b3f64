import { campaign } from './campaign.js';

campaign('Channels');

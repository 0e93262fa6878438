-- One generation run of the seed's procedure: customer, purchase, marketing and supply chain events.
CALL <% database %>.<% control_schema %>.GENERATE_RETAIL_DATA(?, ?, ?, ?)
